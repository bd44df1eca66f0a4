/** Who is logged in, in which language, with which price-list settings. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MeT, RoleT, SettingsT } from '../../schema/api';
import type { Lang } from './i18n';

export interface Session {
  me: MeT;
  settings: SettingsT;
  lang: Lang;
  setLang(lang: Lang): void;
  logout(): Promise<void>;
  refreshSettings(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside of a logged-in page');
  return s;
}

export function hasRole(me: MeT, ...roles: RoleT[]): boolean {
  return roles.includes(me.role);
}
