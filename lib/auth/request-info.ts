/**
 * The client's address. X-Forwarded-For lists every hop, and a client may write anything at
 * its start: only the right-most entry, added by the proxy in front of the app (or by Next
 * from the socket when nothing forwarded), is trusted. Deployments put one reverse proxy or
 * load balancer in front of the app that appends to the header (README, "Deployment").
 */
export function clientIp(headers: Headers): string | null {
  const hops = headers.get('x-forwarded-for')?.split(',').map((h) => h.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? headers.get('x-real-ip')?.trim() ?? null;
  // Only something that looks like an address goes into an inet column.
  return ip && /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

export function userAgent(headers: Headers): string | null {
  return headers.get('user-agent')?.slice(0, 300) ?? null;
}
