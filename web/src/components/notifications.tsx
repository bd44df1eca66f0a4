/** The bell: customers' answers to my quotes, checked every 30 seconds and when the tab returns. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotificationT } from '../../../schema/api';
import { NOTIFICATION_KIND_WORDS } from '../../../worker/domain/words/ui';
import { api } from '../api';
import { t, word } from '../i18n';
import { navigate } from '../router';
import { Icon } from './icons';
import { dateTimeText } from './ui';

export function NotificationBell() {
  const [items, setItems] = useState<NotificationT[]>([]);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  async function load() {
    try {
      setItems(await api('GET /api/notifications'));
    } catch {
      // a missed poll is retried on the next one
    }
  }

  useEffect(() => {
    void load();
    const timer = setInterval(load, 30_000);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const unread = items.filter((n) => !n.readAt);
  async function openItem(n: NotificationT) {
    setOpen(false);
    if (!n.readAt) {
      await api('POST /api/notifications/read', { body: { ids: [n.id] } }).catch(() => undefined);
      void load();
    }
    if (n.quoteId) navigate(`/quotes/${n.quoteId}`);
  }

  return (
    <div class="bell" ref={box}>
      <button
        type="button"
        class="btn btn-ghost"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={t('notificationsUnread', { count: unread.length })}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Icon name="bell" /> {t('notifications')}
        {unread.length > 0 && <span class="nav-badge">{unread.length}</span>}
      </button>
      {open && (
        <div class="bell-list" role="region" aria-label={t('notifications')}>
          {items.length === 0 ? (
            <p class="muted small" style="padding:10px">
              {t('noNotifications')}
            </p>
          ) : (
            <ul>
              {items.slice(0, 20).map((n) => (
                <li key={n.id}>
                  <button type="button" class={n.readAt ? '' : 'unread'} onClick={() => void openItem(n)}>
                    <strong>{NOTIFICATION_KIND_WORDS[n.kind] ? word(NOTIFICATION_KIND_WORDS[n.kind]!) : n.kind}</strong>
                    <span>{n.message}</span>
                    <small>{dateTimeText(n.createdAt)}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {unread.length > 0 && (
            <button
              type="button"
              class="btn btn-small btn-ghost"
              onClick={() => void api('POST /api/notifications/read', { body: {} }).then(load)}
            >
              {t('markAllRead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
