import type { RelationshipGroup } from '../../lib/vocabulary';

// The reference lists admins may extend later. English and Khmer labels; the order of
// each array is its sort order.

export type ReferenceEntry = { code: string; labelEn: string; labelKm: string };
export type RelationshipEntry = ReferenceEntry & { group: RelationshipGroup };

export const OFFENCE_TYPES = [
  { code: 'rape', labelEn: 'Rape', labelKm: 'រំលោភសេពសន្ថវៈ' },
  { code: 'attempted_rape', labelEn: 'Attempted rape', labelKm: 'ប៉ុនប៉ងរំលោភសេពសន្ថវៈ' },
  { code: 'indecent_assault', labelEn: 'Indecent assault', labelKm: 'អំពើអនាចារ' },
  { code: 'online_exploitation', labelEn: 'Online sexual exploitation', labelKm: 'ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារតាមអនឡាញ' },
  { code: 'commercial_exploitation', labelEn: 'Commercial sexual exploitation', labelKm: 'ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារដើម្បីរកកម្រៃ' },
  { code: 'trafficking', labelEn: 'Trafficking', labelKm: 'ការជួញដូរកុមារ' },
  { code: 'abduction', labelEn: 'Abduction', labelKm: 'ការចាប់ពង្រត់កុមារ' },
  { code: 'violence', labelEn: 'Violence (physical abuse)', labelKm: 'អំពើហិង្សាលើកុមារ' },
  { code: 'homicide', labelEn: 'Homicide', labelKm: 'ឃាតកម្ម' },
] as const satisfies readonly ReferenceEntry[];
export type OffenceTypeCode = (typeof OFFENCE_TYPES)[number]['code'];

export const RELATIONSHIPS = [
  { code: 'father', labelEn: 'Father', labelKm: 'ឪពុក', group: 'family' },
  { code: 'stepfather', labelEn: 'Stepfather', labelKm: 'ឪពុកចុង', group: 'family' },
  { code: 'mother', labelEn: 'Mother', labelKm: 'ម្ដាយ', group: 'family' },
  { code: 'sibling', labelEn: 'Brother or sister', labelKm: 'បងប្អូនបង្កើត', group: 'family' },
  { code: 'grandparent', labelEn: 'Grandparent', labelKm: 'ជីដូនជីតា', group: 'family' },
  { code: 'uncle_aunt', labelEn: 'Uncle or aunt', labelKm: 'ពូ មីង មា អ៊ំ', group: 'family' },
  { code: 'other_relative', labelEn: 'Other relative', labelKm: 'សាច់ញាតិផ្សេងទៀត', group: 'family' },
  { code: 'neighbour', labelEn: 'Neighbour', labelKm: 'អ្នកជិតខាង', group: 'acquaintance' },
  { code: 'family_friend', labelEn: 'Family friend', labelKm: 'មិត្តភក្តិរបស់គ្រួសារ', group: 'acquaintance' },
  { code: 'teacher', labelEn: 'Teacher', labelKm: 'គ្រូបង្រៀន', group: 'acquaintance' },
  { code: 'religious_figure', labelEn: 'Monk or religious figure', labelKm: 'ព្រះសង្ឃ ឬអ្នកដឹកនាំសាសនា', group: 'acquaintance' },
  { code: 'employer', labelEn: 'Employer', labelKm: 'និយោជក', group: 'acquaintance' },
  { code: 'partner', labelEn: 'Boyfriend or partner', labelKm: 'សង្សារ', group: 'acquaintance' },
  { code: 'online_contact', labelEn: 'Online contact', labelKm: 'អ្នកស្គាល់តាមអនឡាញ', group: 'acquaintance' },
  { code: 'stranger', labelEn: 'Stranger', labelKm: 'មនុស្សមិនស្គាល់', group: 'stranger' },
  { code: 'unknown', labelEn: 'Unknown', labelKm: 'មិនដឹង', group: 'unknown' },
  { code: 'other', labelEn: 'Other', labelKm: 'ផ្សេងៗ', group: 'unknown' },
] as const satisfies readonly RelationshipEntry[];
export type RelationshipCode = (typeof RELATIONSHIPS)[number]['code'];

export const PLACE_TYPES = [
  { code: 'home', labelEn: "Child's home", labelKm: 'ផ្ទះរបស់កុមារ' },
  { code: 'neighbours_home', labelEn: "Neighbour's home", labelKm: 'ផ្ទះអ្នកជិតខាង' },
  { code: 'school', labelEn: 'School', labelKm: 'សាលារៀន' },
  { code: 'pagoda', labelEn: 'Pagoda', labelKm: 'វត្ត' },
  { code: 'guesthouse', labelEn: 'Guesthouse or hotel', labelKm: 'ផ្ទះសំណាក់ ឬសណ្ឋាគារ' },
  { code: 'workplace', labelEn: 'Workplace', labelKm: 'កន្លែងធ្វើការ' },
  { code: 'public_place', labelEn: 'Public place', labelKm: 'ទីសាធារណៈ' },
  { code: 'online', labelEn: 'Online', labelKm: 'តាមអនឡាញ' },
  { code: 'other', labelEn: 'Other', labelKm: 'ផ្សេងៗ' },
] as const satisfies readonly ReferenceEntry[];
export type PlaceTypeCode = (typeof PLACE_TYPES)[number]['code'];

export const SERVICE_TYPES = [
  { code: 'medical', labelEn: 'Medical care', labelKm: 'សេវាសុខាភិបាល' },
  { code: 'forensic_exam', labelEn: 'Forensic medical examination', labelKm: 'ការពិនិត្យវេជ្ជសាស្ត្រកោសល្យវិច្ច័យ' },
  { code: 'counselling', labelEn: 'Counselling', labelKm: 'ការប្រឹក្សាផ្លូវចិត្ត' },
  { code: 'shelter', labelEn: 'Safe shelter', labelKm: 'ទីជម្រកសុវត្ថិភាព' },
  { code: 'legal_aid', labelEn: 'Legal aid', labelKm: 'ជំនួយផ្លូវច្បាប់' },
  { code: 'family_support', labelEn: 'Family support', labelKm: 'ការគាំទ្រគ្រួសារ' },
  { code: 'education', labelEn: 'Education support', labelKm: 'ការគាំទ្រការអប់រំ' },
  { code: 'reintegration', labelEn: 'Reintegration', labelKm: 'ការធ្វើសមាហរណកម្មឡើងវិញ' },
] as const satisfies readonly ReferenceEntry[];
export type ServiceTypeCode = (typeof SERVICE_TYPES)[number]['code'];

/** Offences against children under the Criminal Code and the 2008 anti-trafficking law. */
export const CHARGES = [
  { code: 'rape', labelEn: 'Rape', labelKm: 'រំលោភសេពសន្ថវៈ' },
  { code: 'rape_aggravated', labelEn: 'Rape with aggravating circumstances', labelKm: 'រំលោភសេពសន្ថវៈដោយមានស្ថានទម្ងន់ទោស' },
  { code: 'attempted_rape', labelEn: 'Attempted rape', labelKm: 'ប៉ុនប៉ងរំលោភសេពសន្ថវៈ' },
  { code: 'intercourse_minor_under_15', labelEn: 'Sexual intercourse with a minor under 15', labelKm: 'ការរួមប្រាណជាមួយអនីតិជនអាយុក្រោម ១៥ ឆ្នាំ' },
  { code: 'indecent_act_minor_under_15', labelEn: 'Indecent act against a minor under 15', labelKm: 'អំពើអនាចារលើអនីតិជនអាយុក្រោម ១៥ ឆ្នាំ' },
  { code: 'indecent_assault', labelEn: 'Indecent assault', labelKm: 'អំពើអនាចារ' },
  { code: 'child_trafficking', labelEn: 'Trafficking of a minor', labelKm: 'ការជួញដូរអនីតិជន' },
  { code: 'unlawful_removal_minor', labelEn: 'Unlawful removal of a minor', labelKm: 'ការនាំយកអនីតិជនចេញដោយខុសច្បាប់' },
  { code: 'purchase_child_prostitution', labelEn: 'Purchase of child prostitution', labelKm: 'ការទិញអំពើពេស្យាចារកុមារ' },
  { code: 'csam_production', labelEn: 'Production of child sexual abuse material', labelKm: 'ការផលិតរូបភាពអាសអាភាសកុមារ' },
  { code: 'csam_distribution', labelEn: 'Distribution of child sexual abuse material', labelKm: 'ការចែកចាយរូបភាពអាសអាភាសកុមារ' },
  { code: 'intentional_murder', labelEn: 'Intentional murder', labelKm: 'ឃាតកម្មដោយចេតនា' },
  { code: 'premeditated_murder', labelEn: 'Premeditated murder', labelKm: 'ឃាតកម្មដោយគិតទុកជាមុន' },
  { code: 'intentional_violence', labelEn: 'Intentional violence with aggravating circumstances', labelKm: 'អំពើហិង្សាដោយចេតនាមានស្ថានទម្ងន់ទោស' },
  { code: 'domestic_violence', labelEn: 'Domestic violence', labelKm: 'អំពើហិង្សាក្នុងគ្រួសារ' },
  { code: 'torture_cruelty', labelEn: 'Torture or acts of cruelty', labelKm: 'អំពើទារុណកម្ម និងអំពើឃោរឃៅ' },
] as const satisfies readonly ReferenceEntry[];
export type ChargeCode = (typeof CHARGES)[number]['code'];
