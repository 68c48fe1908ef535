/** The DOM id of a form field from its path ("victims.0.ageAtOffence"), for labels and error links. */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;
export const errorId = (name: string) => `${fieldId(name)}-error`;
