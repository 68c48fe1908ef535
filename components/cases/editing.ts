import type { ActionResult } from '@/lib/actions/validated-action';
import type { EditOptions } from '@/db/queries/case-edit-options';
import type { EnumLabels } from './field-specs';

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/** What the sections need to offer editing; absent for those who may only read (liaison officers). */
export type CaseEditing = {
  caseId: string;
  options: EditOptions;
  enums: EnumLabels;
  actions: {
    updateBasics: Action;
    saveLocation: Action;
    saveSuspect: Action;
    saveVictim: Action;
    saveService: Action;
    removeChild: Action;
  };
};
