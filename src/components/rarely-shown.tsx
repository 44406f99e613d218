'use client';

import dynamic from 'next/dynamic';

/*
 * Parts of the app's frame that most visits never render. Split here, on the client side of the
 * boundary, their code loads with the page that shows them instead of with every page.
 */

export const VerifyEmailBanner = dynamic(() =>
  import('@/features/auth/verify-email-banner').then((module) => module.VerifyEmailBanner),
);

export const NoOrganization = dynamic(() =>
  import('@/features/organizations/no-organization').then((module) => module.NoOrganization),
);

export const FormNotSentNotice = dynamic(() =>
  import('@/components/form-not-sent-notice').then((module) => module.FormNotSentNotice),
);
