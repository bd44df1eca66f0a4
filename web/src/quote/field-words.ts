/**
 * A quote's field by its API name, as the screen calls it: a heading («Ставка НДС») or in the
 * middle of a sentence («ставка НДС»). The words are the catalogue's (QUOTE_FIELD_WORDS).
 */
import { QUOTE_FIELD_WORDS } from '../../../worker/domain/words/ui';
import { midSentence, t, word } from '../i18n';

/** «Ставка НДС»; a field the catalogue does not know stays as it is. */
export function fieldName(field: string): string {
  const words = QUOTE_FIELD_WORDS[field];
  return words ? word(words) : field;
}

/** «ставка НДС», for messages; `rows[2].code` reads as its field, an unknown one as «значение». */
export function fieldWord(field: string): string {
  const base = field.replace(/^rows\[\d+\]\.?/, '').replace(/\[\d+\]$/, '');
  const words = QUOTE_FIELD_WORDS[base];
  return words ? midSentence(word(words)) : t('someValue');
}
