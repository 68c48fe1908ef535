/** Typed failures the data layer raises; pages and actions map them to 403 / 404 / 409. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'forbidden') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Also used for records outside the viewer's scope, so they are not confirmed to exist. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends Error {
  readonly status = 409;
  /** What the form needs to show the conflict, e.g. the record as it is now. */
  readonly detail: unknown;
  constructor(message = 'conflict', detail?: unknown) {
    super(message);
    this.name = 'ConflictError';
    this.detail = detail;
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(message = 'not signed in') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}
