/**
 * An SSO sign-in that cannot go on, with the reason a person reads on the SSO sign-in page.
 * Whatever the step, it has created no user, membership or session.
 */
export class SsoRefusal extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoRefusal';
  }
}
