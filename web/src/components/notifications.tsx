/** The bell: customers' answers to my quotes, checked every 30 seconds and when the tab returns. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotificationT } from '../../../schema/api';
import { get, post } from '../api';
import { tr } from '../i18n';
import { navigate } from '../router';
import { Icon } from './icons';
import { dateTimeText } from './ui';

const KIND: Record<string, [string, string]> = {
  accepted: ['Смета принята', 'Quote accepted'],
  declined: ['Смета отклонена', 'Quote declined'],
  changes_requested: ['Запрошены изменения', 'Changes requested'],
};

export function NotificationBell() {
  const [items, setItems] = useState<NotificationT[]>([]);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  async function load() {
    try {
      setItems(await get<NotificationT[]>('/api/notifications'));
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
      await post('/api/notifications/read', { ids: [n.id] }).catch(() => undefined);
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
        aria-label={tr(`Уведомления: непрочитанных ${unread.length}`, `Notifications: ${unread.length} unread`)}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <Icon name="bell" /> {tr('Уведомления', 'Notifications')}
        {unread.length > 0 && <span class="nav-badge">{unread.length}</span>}
      </button>
      {open && (
        <div class="bell-list" role="region" aria-label={tr('Уведомления', 'Notifications')}>
          {items.length === 0 ? (
            <p class="muted small" style="padding:10px">{tr('Уведомлений нет', 'No notifications')}</p>
          ) : (
            <ul>
              {items.slice(0, 20).map((n) => (
                <li key={n.id}>
                  <button type="button" class={n.readAt ? '' : 'unread'} onClick={() => void openItem(n)}>
                    <strong>{KIND[n.kind] ? tr(KIND[n.kind]![0], KIND[n.kind]![1]) : n.kind}</strong>
                    <span>{n.message}</span>
                    <small>{dateTimeText(n.createdAt)}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {unread.length > 0 && (
            <button type="button" class="btn btn-small btn-ghost" onClick={() => void post('/api/notifications/read', {}).then(load)}>
              {tr('Отметить все прочитанными', 'Mark all read')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
