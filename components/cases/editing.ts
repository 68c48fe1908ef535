import type { ActionResult } from '@/lib/actions/validated-action';
import type { EditOptions, RecordingOptions } from '@/db/queries/case-edit-options';
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

/**
 * The quick actions of those who record what the police and the courts did (arrests,
 * prosecutions, hearings): investigators, managers and liaison officers on a case in their
 * scope. Absent when the viewer may not, or the case is archived.
 */
export type CaseRecording = {
  caseId: string;
  options: RecordingOptions;
  actions: Partial<Record<'recordArrest' | 'saveProsecution' | 'saveHearing', Action>>;
};
