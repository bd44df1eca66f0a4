/** What the crowdfunding routes share: a project as the routes answer it, and its status in words. */
import type { AppContext } from '../../http/auth';
import { notFound } from '../../http/errors';
import { loadProjects, projectView } from '../../store/crowdfunding';
import type { Db } from '../../store/db';
import { getSettings } from '../../store/settings';
import { ERRORS as E } from '../../domain/words/errors';
import { both, type Lang } from '../../domain/words/words';

/** A project's status in a sentence: English reads «in_progress» as «in progress»; Russian quotes the code. */
export const statusWords = (lang: Lang, status: string) => (lang === 'en' ? status.replace('_', ' ') : status);

const projectNotFound = () => notFound(both(E.noSuchProject));

export async function viewOf(db: Db, id: number) {
  const [loaded] = await loadProjects(db, [id]);
  if (!loaded) throw projectNotFound();
  const settings = await getSettings(db);
  return projectView(loaded, settings.rateMinor, settings.currency);
}

/** A pledge route's answer: the project as it is now. */
export async function projectAnswer(c: AppContext): Promise<Response> {
  return c.json(await viewOf(c.var.db, Number(c.req.param('id'))), 200);
}
