/** Service requests: the refusals of their routes (ru, en). */
import type { Pair } from './words';

export const REQUEST_WORDS = {
  notFound: ['Такого обращения нет.', 'No such request.'],
  versionConflict: [
    'Обращение уже изменил кто-то другой. Обновите его и повторите.',
    'Someone else changed this request first. Reload it and try again.',
  ],
  transitionRefused: ['Из статуса «{from}» нельзя перейти в «{to}».', 'A request cannot go from “{from}” to “{to}”.'],
  closed: ['Обращение закрыто: ответить на него уже нельзя.', 'The request is closed: it can no longer be answered.'],
  alreadyQuoted: ['По этому обращению уже составлена смета {number}.', 'Quote {number} was already made from this request.'],
  notDevelopment: ['В смету можно превратить только открытый запрос на развитие.', 'Only an open development request can become a quote.'],
  quoteInternalNote: ['Из обращения {number}.', 'From request {number}.'],
} as const satisfies Record<string, Pair>;
