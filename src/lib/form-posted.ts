/**
 * Set by src/proxy.ts on a page requested with POST: a form sent before the page's scripts ran
 * (every form posts, so its fields stay out of the URL). The page is shown again, saying so.
 */
export const FORM_POSTED_HEADER = 'x-clientele-form-posted';
