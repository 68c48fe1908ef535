/** A signed-in HTTP client for the bench: the session cookie given, later cookies kept by hand. */
export class BenchClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader },
    });
    this.keep(response);
    return response;
  }

  /** GET that must answer 200; the body is read (the page is complete when it is). */
  async page(path: string): Promise<string> {
    const response = await this.request(path);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.headers.get('location') ?? ''}`);
    return body;
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }
}
