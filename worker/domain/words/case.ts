/**
 * The same word at the start of a line or in the middle of one: documents change a catalogue
 * word's case where they place it, so the catalogue holds each word once.
 */

/** 'действует до' at the start of a line: 'Действует до'. */
export const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** 'Действует до' in the middle of a line: 'действует до'. */
export const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
