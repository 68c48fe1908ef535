import type * as schema from '../schema';
import type { AgencyRow, StaffMember } from './organisation';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type WithId<T> = T & { id: string };

export type InvestigationRow = WithId<Insert<typeof schema.investigations>> & {
  refYear: number;
  refSeq: number;
  openedOn: string;
};
export type MemberRow = Insert<typeof schema.investigationMembers>;
export type ShareRow = Insert<typeof schema.investigationAgencies>;
export type OffenceLocationRow = WithId<Insert<typeof schema.offenceLocations>>;
export type VictimRow = WithId<Insert<typeof schema.victims>>;
export type VictimServiceRow = WithId<Insert<typeof schema.victimServices>>;
export type SuspectRow = WithId<Insert<typeof schema.suspects>>;
export type ProsecutionRow = WithId<Insert<typeof schema.prosecutions>>;
export type ProsecutionChargeRow = Insert<typeof schema.prosecutionCharges>;
export type HearingRow = WithId<Insert<typeof schema.hearings>>;
/** Timeline rows; the database numbers them in insertion order. */
export type CaseEventRow = Omit<Insert<typeof schema.caseEvents>, 'id'> & { at: Date; data: Record<string, unknown> };
export type LastSeenRow = Insert<typeof schema.caseLastSeen> & { seenAt: Date };
export type ExpenditureRow = WithId<Insert<typeof schema.expenditures>>;


/** Everything the demo seed inserts besides the reference data (db/reference). */
export type DemoDataset = {
  agencies: AgencyRow[];
  /** CPU staff and partner liaison officers, demo accounts included (see `demoAccount`, `demoOnly`). */
  staff: StaffMember[];
  investigations: InvestigationRow[];
  members: MemberRow[];
  shares: ShareRow[];
  offenceLocations: OffenceLocationRow[];
  victims: VictimRow[];
  victimServices: VictimServiceRow[];
  suspects: SuspectRow[];
  prosecutions: ProsecutionRow[];
  prosecutionCharges: ProsecutionChargeRow[];
  hearings: HearingRow[];
  caseEvents: CaseEventRow[];
  /** When members and sharing agencies' liaison officers last opened each case (db/seed/last-seen.ts). */
  lastSeen: LastSeenRow[];
  expenditures: ExpenditureRow[];
};
