import { getTranslations } from 'next-intl/server';

const MESSAGE = {
  400: 'badRequest',
  401: 'signInFirst',
  403: 'forbiddenTitle',
  404: 'notFoundTitle',
  413: 'tooLarge',
  429: 'tooManySignIns',
} as const;

/** A route handler's refusal: one translated sentence, never cached, nothing about the record. */
export async function plainAnswer(status: keyof typeof MESSAGE, headers: Record<string, string> = {}): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t(MESSAGE[status]), {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}
