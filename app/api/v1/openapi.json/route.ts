import { openApiDocument } from '@/lib/api/openapi';

/** The API's description: no data in it, so no token needed. Built from the route registry. */
export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument()), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' },
  });
}
