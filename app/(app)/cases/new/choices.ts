import type { Choice } from '@/components/forms/fields';

/** The reference lists of the form, already in the reader's language. */
export type CaseFormChoices = {
  offenceTypes: Choice[];
  placeTypes: Choice[];
  relationships: Choice[];
  serviceTypes: Choice[];
  provinces: Choice[];
  agencies: Choice[];
};
