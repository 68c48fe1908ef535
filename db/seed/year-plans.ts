/**
 * What each demo year must add up to. The published figures (../shared/data/published-figures.json)
 * are met exactly; the rest are plausible values between them. Metric definitions: DESIGN.md.
 */
export type YearPlan = {
  year: number;
  /** Cases opened in the year and not archived. */
  investigations: number;
  /** Extra cases opened in the year that were archived (duplicates, errors): they count nowhere. */
  archived: number;
  /** Suspects whose arrest date is in the year (every arrest falls in its case's opening year). */
  suspectsArrested: number;
  /** Distinct provinces among the offence locations of the year's cases. */
  provinces: number;
  /** Cases counted as resolved (DESIGN.md "resolved"). */
  resolved: number;
  /** Sum of the year's expenditure rows, in US cents. */
  spentCents: number;
  /**
   * Distinct (province, district) pairs: these provinces get exactly this many, every other
   * province at most `maxOtherDistricts`.
   */
  districts?: { exact: Readonly<Record<string, number>>; maxOther: number };
};

export const YEAR_PLANS: readonly YearPlan[] = [
  { year: 2015, investigations: 244, archived: 1, suspectsArrested: 196, provinces: 22, resolved: 210, spentCents: 74_231_840 },
  { year: 2016, investigations: 269, archived: 0, suspectsArrested: 221, provinces: 24, resolved: 233, spentCents: 80_190_515 },
  // Arrest rate 185 / 222 = 83.3 %, published as 83 %.
  { year: 2017, investigations: 222, archived: 1, suspectsArrested: 185, provinces: 21, resolved: 196, spentCents: 84_612_070 },
  { year: 2018, investigations: 258, archived: 0, suspectsArrested: 214, provinces: 23, resolved: 227, spentCents: 90_455_325 },
  // Arrest rate 239 / 274 = 87.2 %, published as 87 %.
  { year: 2019, investigations: 274, archived: 2, suspectsArrested: 239, provinces: 22, resolved: 245, spentCents: 98_730_910 },
  { year: 2020, investigations: 287, archived: 1, suspectsArrested: 240, provinces: 23, resolved: 252, spentCents: 104_120_480 },
  {
    year: 2021,
    investigations: 313,
    archived: 3,
    suspectsArrested: 268,
    provinces: 21,
    // 281 / 313 = 89.8 %: "almost 90 % of crimes resolved".
    resolved: 281,
    // US$1,123,640.55: "a little over US$1.12 million".
    spentCents: 112_364_055,
    districts: { exact: { '12': 5, '04': 5 }, maxOther: 4 },
  },
  { year: 2022, investigations: 242, archived: 1, suspectsArrested: 203, provinces: 22, resolved: 209, spentCents: 108_745_260 },
  { year: 2023, investigations: 269, archived: 2, suspectsArrested: 224, provinces: 25, resolved: 228, spentCents: 115_208_790 },
];

/** No generated event (verdict, closure, service) falls after this day. */
export const DATA_HORIZON = '2024-12-31';
