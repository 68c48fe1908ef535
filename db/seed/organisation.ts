import type { agencies, users } from '../schema';
import type { Role } from '../../lib/vocabulary';
import { GEOGRAPHY, PHNOM_PENH } from './geography';
import { stableUuid } from './random';

export type AgencyRow = typeof agencies.$inferInsert & { id: string };
export type UserRow = Omit<typeof users.$inferInsert, 'passwordHash'> & { id: string };

/** The password of every demo account (never of a real one: they only exist in demo data). */
export const DEMO_PASSWORD = 'child-safe-demo-2026';

const agencyId = (key: string) => stableUuid(`agency:${key}`);
const userId = (key: string) => stableUuid(`user:${key}`);

/** Each province's police commissariat: arrests there, and receives some of its cases. */
export function provincialPoliceId(provinceCode: string): string {
  return agencyId(`police-${provinceCode}`);
}

export const AGENCY_IDS = {
  cpu: agencyId('cpu'),
  ahtjpd: agencyId('ahtjpd'),
  interior: agencyId('ministry-interior'),
  socialAffairs: agencyId('ministry-social-affairs'),
  phnomPenhCourt: agencyId('court-12'),
  partner: agencyId('international-partner'),
  shelter: agencyId('ngo-shelter'),
  phnomPenhPolice: provincialPoliceId(PHNOM_PENH),
  siemReapPolice: provincialPoliceId('17'),
} as const;

export const AGENCIES: readonly AgencyRow[] = [
  { id: AGENCY_IDS.cpu, name: 'Child Protection Unit', nameKm: 'អង្គភាពការពារកុមារ', kind: 'cpu', provinceCode: PHNOM_PENH },
  { id: AGENCY_IDS.ahtjpd, name: 'Anti-Human Trafficking and Juvenile Protection Department', nameKm: 'នាយកដ្ឋានប្រឆាំងការជួញដូរមនុស្ស និងការពារអនីតិជន', kind: 'police', provinceCode: null },
  { id: AGENCY_IDS.interior, name: 'Ministry of Interior', nameKm: 'ក្រសួងមហាផ្ទៃ', kind: 'ministry', provinceCode: null },
  { id: AGENCY_IDS.socialAffairs, name: 'Ministry of Social Affairs, Veterans and Youth Rehabilitation', nameKm: 'ក្រសួងសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា', kind: 'ministry', provinceCode: null },
  { id: AGENCY_IDS.phnomPenhCourt, name: 'Phnom Penh Municipal Court of First Instance', nameKm: 'សាលាដំបូងរាជធានីភ្នំពេញ', kind: 'court', provinceCode: PHNOM_PENH },
  { id: AGENCY_IDS.partner, name: 'International Child Safety Partnership', nameKm: 'ភាពជាដៃគូអន្តរជាតិដើម្បីសុវត្ថិភាពកុមារ', kind: 'international', provinceCode: null },
  { id: AGENCY_IDS.shelter, name: 'Safe Haven Children’s Shelter', nameKm: 'មណ្ឌលជម្រកកុមារ សេហ្វហេវិន', kind: 'ngo', provinceCode: PHNOM_PENH },
  ...GEOGRAPHY.map((p): AgencyRow => ({
    id: provincialPoliceId(p.code),
    name: p.code === PHNOM_PENH ? 'Phnom Penh Municipal Police Commissariat' : `${p.name} Provincial Police Commissariat`,
    nameKm: p.code === PHNOM_PENH ? 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ' : `ស្នងការដ្ឋាននគរបាលខេត្ត${p.nameKm}`,
    kind: 'police',
    provinceCode: p.code,
  })),
];

export type DemoAccountKey = 'admin' | 'manager' | 'investigator' | 'liaison';

/**
 * The four demo sign-ins. Investigator and liaison are real members of the staff lists
 * (they lead cases, receive shares); without demo accounts the same people are seeded
 * under their staff email and without a password. Admin and manager exist only as demo
 * accounts and own no case data.
 */
export const DEMO_ACCOUNTS = {
  admin: { key: 'admin', email: 'admin@cpu.local', role: 'admin', userId: userId('demo-admin'), agencyId: AGENCY_IDS.cpu },
  manager: { key: 'manager', email: 'manager@cpu.local', role: 'manager', userId: userId('demo-manager'), agencyId: AGENCY_IDS.cpu },
  investigator: { key: 'investigator', email: 'investigator@cpu.local', role: 'investigator', userId: userId('keo.sophea'), agencyId: AGENCY_IDS.cpu },
  liaison: { key: 'liaison', email: 'liaison@police.local', role: 'liaison', userId: userId('prak.vannak'), agencyId: AGENCY_IDS.ahtjpd },
} as const satisfies Record<DemoAccountKey, { key: DemoAccountKey; email: string; role: Role; userId: string; agencyId: string }>;

/**
 * Admins and managers must sign in with a second step (TOTP). The demo admin and manager
 * start with these fixed, published secrets so that anyone can try the demo (README, "Demo
 * accounts"; `npm run demo:code -- manager` prints the current code). Demo and test seeds only:
 * a real account enrols its own authenticator at its first sign-in.
 */
export const DEMO_TOTP_SECRETS = {
  admin: 'WFP4HTNL732H6ETPHIRZ65ZUH62DHZOS',
  manager: '2NSPALDYSBC4C74APYR2SLSW6P22MLOL',
} as const satisfies Partial<Record<DemoAccountKey, string>>;

export type StaffMember = UserRow & {
  /** Years in which the person takes on new cases. */
  from: number;
  to: number;
  /** With demo accounts, this person signs in as that demo account. */
  demoAccount?: DemoAccountKey;
  /** Seeded only with demo accounts. */
  demoOnly?: boolean;
};

function person(key: string, name: string, role: Role, agency: string, from = 2015, to = 2023, extra: Partial<StaffMember> = {}): StaffMember {
  const [family, given] = name.split(' ') as [string, string];
  const domain = agency === AGENCY_IDS.cpu ? 'cpu.local' : 'police.local';
  return {
    id: userId(key),
    email: `${given.toLowerCase()}.${family.toLowerCase()}@${domain}`,
    name,
    role,
    agencyId: agency,
    locale: 'en',
    active: to >= 2023,
    from,
    to,
    ...extra,
  };
}

export const STAFF: readonly StaffMember[] = [
  person('demo-admin', 'Sam Rotha', 'admin', AGENCY_IDS.cpu, 2015, 2023, { demoAccount: 'admin', demoOnly: true, email: DEMO_ACCOUNTS.admin.email }),
  person('demo-manager', 'Mao Chenda', 'manager', AGENCY_IDS.cpu, 2015, 2023, { demoAccount: 'manager', demoOnly: true, email: DEMO_ACCOUNTS.manager.email }),
  person('meas.chanthou', 'Meas Chanthou', 'manager', AGENCY_IDS.cpu, 2015, 2023, { locale: 'km' }),
  person('ly.sreyneang', 'Ly Sreyneang', 'manager', AGENCY_IDS.cpu, 2017, 2023),
  person('keo.sophea', 'Keo Sophea', 'investigator', AGENCY_IDS.cpu, 2015, 2023, { demoAccount: 'investigator' }),
  person('sok.vibol', 'Sok Vibol', 'investigator', AGENCY_IDS.cpu, 2015, 2023, { locale: 'km' }),
  person('chan.dara', 'Chan Dara', 'investigator', AGENCY_IDS.cpu, 2015, 2023),
  person('heng.sreymom', 'Heng Sreymom', 'investigator', AGENCY_IDS.cpu, 2015, 2023, { locale: 'km' }),
  person('pich.rathana', 'Pich Rathana', 'investigator', AGENCY_IDS.cpu, 2015, 2020),
  person('ouk.sambath', 'Ouk Sambath', 'investigator', AGENCY_IDS.cpu, 2016, 2023),
  person('nhem.sokunthea', 'Nhem Sokunthea', 'investigator', AGENCY_IDS.cpu, 2018, 2023, { locale: 'km' }),
  person('sar.piseth', 'Sar Piseth', 'investigator', AGENCY_IDS.cpu, 2019, 2023),
  person('phan.malis', 'Phan Malis', 'investigator', AGENCY_IDS.cpu, 2015, 2018),
  person('touch.kosal', 'Touch Kosal', 'investigator', AGENCY_IDS.cpu, 2021, 2023),
  person('prak.vannak', 'Prak Vannak', 'liaison', AGENCY_IDS.ahtjpd, 2015, 2023, { demoAccount: 'liaison' }),
  person('chea.bunna', 'Chea Bunna', 'liaison', AGENCY_IDS.ahtjpd, 2015, 2023, { locale: 'km' }),
  person('kim.sovann', 'Kim Sovann', 'liaison', AGENCY_IDS.phnomPenhPolice, 2015, 2023, { locale: 'km' }),
  person('seng.rithy', 'Seng Rithy', 'liaison', AGENCY_IDS.siemReapPolice, 2015, 2023, { locale: 'km' }),
];
