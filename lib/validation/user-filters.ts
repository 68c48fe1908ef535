import { z } from 'zod';
import { ROLES } from '@/lib/vocabulary';

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The people page's query string: codes and ids only (the name search runs in the browser,
 * so no name goes in an address). Anything malformed is ignored, never an error page.
 */
const userFiltersInput = z.object({
  role: z.preprocess(one, z.enum(ROLES).optional()).catch(undefined),
  agency: z.preprocess(one, z.uuid().optional()).catch(undefined),
  status: z.preprocess(one, z.enum(['active', 'inactive', 'locked']).optional()).catch(undefined),
});

export function parseUserFilters(params: Record<string, string | string[] | undefined>) {
  const f = userFiltersInput.parse(params);
  return { role: f.role, agencyId: f.agency, status: f.status };
}
