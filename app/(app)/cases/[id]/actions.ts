'use server';

import { headers } from 'next/headers';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import {
  arrestRecord, caseArchive, caseBasicsEdit, caseRestore, childRemove, locationEdit, serviceEdit, statusMove, suspectEdit, victimEdit,
} from '@/lib/validation/case-edit';
import { updateCaseBasics } from '@/db/queries/case-update';
import { saveLocation } from '@/db/queries/case-locations';
import { saveSuspect } from '@/db/queries/case-suspects';
import { saveService, saveVictim } from '@/db/queries/case-victims';
import { removeChild } from '@/db/queries/case-remove';
import { moveCaseStatus } from '@/db/queries/case-lifecycle';
import { archiveCase, restoreCase } from '@/db/queries/case-archive';
import { recordArrest } from '@/db/queries/case-arrests';
import { agencyShareChange, leadSet, liaisonShareChange, teamMemberChange } from '@/lib/validation/case-team';
import {
  addTeamMember, removeTeamMember, setLead, shareWithAgency, shareWithLiaison, withdrawAgencyShare, withdrawLiaisonShare,
} from '@/db/queries/case-team';
import { hearingEdit, prosecutionEdit } from '@/lib/validation/prosecution';
import { saveHearing, saveProsecution } from '@/db/queries/case-prosecutions';

// Thin: parse (validatedAction), call the data layer, which checks role, scope and version
// inside its own transaction. The page refreshes itself after a successful save.
const ip = async () => clientIp(await headers());

export const updateBasicsAction = validatedAction(caseBasicsEdit, async (viewer, input) => updateCaseBasics(viewer, input, await ip()));
export const saveLocationAction = validatedAction(locationEdit, async (viewer, input) => saveLocation(viewer, input, await ip()));
export const saveSuspectAction = validatedAction(suspectEdit, async (viewer, input) => saveSuspect(viewer, input, await ip()));
export const saveVictimAction = validatedAction(victimEdit, async (viewer, input) => saveVictim(viewer, input, await ip()));
export const saveServiceAction = validatedAction(serviceEdit, async (viewer, input) => saveService(viewer, input, await ip()));
export const removeChildAction = validatedAction(childRemove, async (viewer, input) => removeChild(viewer, input, await ip()));
export const moveStatusAction = validatedAction(statusMove, async (viewer, input) => moveCaseStatus(viewer, input, await ip()));
export const archiveCaseAction = validatedAction(caseArchive, async (viewer, input) => archiveCase(viewer, input, await ip()));
export const restoreCaseAction = validatedAction(caseRestore, async (viewer, input) => restoreCase(viewer, input, await ip()));
export const recordArrestAction = validatedAction(arrestRecord, async (viewer, input) => recordArrest(viewer, input, await ip()));

// Team and sharing (managers).
export const setLeadAction = validatedAction(leadSet, async (viewer, input) => setLead(viewer, input, await ip()));
export const addMemberAction = validatedAction(teamMemberChange, async (viewer, input) => addTeamMember(viewer, input, await ip()));
export const removeMemberAction = validatedAction(teamMemberChange, async (viewer, input) => removeTeamMember(viewer, input, await ip()));
export const shareAgencyAction = validatedAction(agencyShareChange, async (viewer, input) => shareWithAgency(viewer, input, await ip()));
export const withdrawAgencyAction = validatedAction(agencyShareChange, async (viewer, input) => withdrawAgencyShare(viewer, input, await ip()));
export const shareLiaisonAction = validatedAction(liaisonShareChange, async (viewer, input) => shareWithLiaison(viewer, input, await ip()));
export const withdrawLiaisonAction = validatedAction(liaisonShareChange, async (viewer, input) => withdrawLiaisonShare(viewer, input, await ip()));
export const saveProsecutionAction = validatedAction(prosecutionEdit, async (viewer, input) => saveProsecution(viewer, input, await ip()));
export const saveHearingAction = validatedAction(hearingEdit, async (viewer, input) => saveHearing(viewer, input, await ip()));
