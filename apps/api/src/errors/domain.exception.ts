/**
 * What went wrong, in the product's words. Services throw these; one filter per transport (HTTP
 * here, socket.io later) maps the kind to a status code. Nothing below a controller throws an
 * HttpException.
 */
export const DOMAIN_ERROR_KINDS = [
  'malformed', // the request itself is wrong (400)
  'invalid', // the request is well-formed but breaks a rule (422)
  'unauthenticated', // no valid credentials
  'forbidden', // valid credentials, not allowed
  'not_found',
  'conflict', // clashes with the current state
  'gone', // existed, expired
] as const;
export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

export class DomainException extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `email_taken`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainException';
  }
}
