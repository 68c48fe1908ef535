import type { NewCaseFormValues } from '@/lib/validation/case-input';

type Location = NewCaseFormValues['locations'][number];
type Suspect = NewCaseFormValues['suspects'][number];
type Victim = NewCaseFormValues['victims'][number];
type Service = Victim['services'][number];

export const emptyLocation = (): Location => ({ provinceCode: '', district: '', commune: '', placeType: '', occurredOn: '' });
export const emptySuspect = (): Suspect => ({
  fullName: '', alias: '', sex: 'unknown', age: '', nationality: '', relationship: '', status: 'identified', arrestedOn: '', arrestingAgencyId: '',
});
export const emptyService = (): Service => ({ serviceType: '', provider: '', startedOn: '', endedOn: '' });
export const emptyVictim = (): Victim => ({ fullName: '', sex: 'female', ageAtOffence: '', dateOfBirth: '', nationality: 'Cambodian', services: [] });

export function emptyCase(submissionKey: string, today: string): NewCaseFormValues {
  return {
    submissionKey,
    title: '',
    summary: '',
    offenceType: '',
    reportedOn: today,
    reportChannel: '' as NewCaseFormValues['reportChannel'],
    priority: 'normal',
    agencyIds: [],
    offenceFrom: '',
    offenceTo: '',
    locations: [emptyLocation()],
    suspects: [],
    victims: [emptyVictim()],
  };
}
