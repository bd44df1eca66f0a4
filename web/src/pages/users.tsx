/** Admin: staff users and their roles. */
import { useState } from 'preact/hooks';
import type { RoleT, UserT } from '../../../schema/api';
import { api } from '../api';
import { useSubmit } from '../components/submit';
import {
  Button,
  Chip,
  ErrorNote,
  Field,
  Loading,
  Modal,
  PageHeader,
  dateText,
  fieldErrors,
  roleWord,
  toast,
  useLoad,
  FormFoot,
  HiddenTh,
} from '../components/ui';
import { t } from '../i18n';

const ROLES: RoleT[] = ['manager', 'accountant', 'admin'];

export function UsersPage() {
  const users = useLoad(() => api('GET /api/users'), []);
  const [editing, setEditing] = useState<UserT | 'new' | null>(null);
  return (
    <>
      <PageHeader title={t('users')}>
        <Button variant="primary" onClick={() => setEditing('new')}>
          + {t('newUser')}
        </Button>
      </PageHeader>
      <ErrorNote error={users.error} onRetry={users.reload} />
      <div class="card">
        {!users.data ? (
          <Loading />
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('userName')}</th>
                <th scope="col">Email</th>
                <th scope="col">{t('phone')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('userActive')}</th>
                <th scope="col">{t('userCreated')}</th>
                <HiddenTh>{t('edit')}</HiddenTh>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.phone || '—'}</td>
                  <td>{roleWord(u.role)}</td>
                  <td>{u.active ? <Chip tone="success">{t('yes')}</Chip> : <Chip>{t('no')}</Chip>}</td>
                  <td>{dateText(u.createdAt)}</td>
                  <td style="width:1%">
                    <Button class="btn-small" onClick={() => setEditing(u)}>
                      {t('edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void users.reload();
          }}
        />
      )}
    </>
  );
}

function UserForm({ user, onClose, onSaved }: { user: UserT | null; onClose(): void; onSaved(): void }) {
  const [f, setF] = useState({
    email: user?.email ?? '',
    name: user?.name ?? '',
    phone: user?.phone ?? '',
    role: user?.role ?? ('manager' as RoleT),
    active: user?.active ?? true,
    password: '',
  });
  const { busy, error, run } = useSubmit();
  const errors = fieldErrors(error);
  async function save(e: Event) {
    e.preventDefault();
    await run(async () => {
      if (user)
        await api('PATCH /api/users/{id}', {
          params: { id: user.id },
          body: { name: f.name, phone: f.phone, role: f.role, active: f.active, ...(f.password ? { password: f.password } : {}) },
        });
      else await api('POST /api/users', { body: { email: f.email, name: f.name, phone: f.phone, role: f.role, password: f.password } });
      toast(t('saved'));
      onSaved();
    });
  }
  return (
    <Modal title={user ? user.email : t('newUser')} onClose={onClose}>
      <form class="stack" onSubmit={save} noValidate>
        <ErrorNote error={error} />
        {!user && (
          <Field label="Email" error={errors.email}>
            {(id) => <input id={id} type="email" value={f.email} onInput={(e) => setF({ ...f, email: e.currentTarget.value })} />}
          </Field>
        )}
        <Field label={t('userName')} error={errors.name}>
          {(id) => <input id={id} value={f.name} onInput={(e) => setF({ ...f, name: e.currentTarget.value })} />}
        </Field>
        <Field label={t('phone')} error={errors.phone} hint={t('staffPhoneHint')}>
          {(id) => <input id={id} type="tel" value={f.phone} onInput={(e) => setF({ ...f, phone: e.currentTarget.value })} />}
        </Field>
        <Field label={t('role')} error={errors.role}>
          {(id) => (
            <select id={id} value={f.role} onChange={(e) => setF({ ...f, role: e.currentTarget.value as RoleT })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleWord(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('passwordHint')} error={errors.password} hint={user ? t('emptyKeepsPassword') : undefined}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              value={f.password}
              onInput={(e) => setF({ ...f, password: e.currentTarget.value })}
            />
          )}
        </Field>
        {user && (
          <label class="check">
            <input type="checkbox" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} /> {t('userActive')}
          </label>
        )}
        <FormFoot onCancel={onClose} busy={busy} />
      </form>
    </Modal>
  );
}
