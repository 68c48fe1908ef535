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

/**
 * Input that parsed but breaks a rule only the database can check (an inactive reference
 * value, a date before the case's offence period): shown beside the fields like any other.
 */
export class FieldValidationError extends Error {
  readonly status = 422;
  /** Field path to message key, as in lib/validation/field-errors. */
  readonly fieldErrors: Record<string, string>;
  constructor(fieldErrors: Record<string, string>) {
    super('invalid fields');
    this.name = 'FieldValidationError';
    this.fieldErrors = fieldErrors;
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor(message = 'not signed in') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}
