import { redirect } from 'next/navigation';
import { parseYear } from '../[year]/load';

/** The year picker of /reports: a plain GET form that leads to that year's page. */
export function GET(request: Request) {
  const year = parseYear(new URL(request.url).searchParams.get('year') ?? '');
  redirect(year ? `/reports/${year}` : '/reports');
}
