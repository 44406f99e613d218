import { accountRouter } from './routers/account/router';
import { apiKeysRouter } from './routers/api-keys/router';
import { appsRouter } from './routers/apps/router';
import { auditRouter } from './routers/audit/router';
import { authRouter } from './routers/auth/router';
import { companiesRouter } from './routers/companies/router';
import { customersRouter } from './routers/customers/router';
import { dashboardRouter } from './routers/dashboard/router';
import { dealsRouter } from './routers/deals/router';
import { eventsRouter } from './routers/events/router';
import { importsRouter } from './routers/imports/router';
import { interactionsRouter } from './routers/interactions/router';
import { ordersRouter } from './routers/orders/router';
import { pipelinesRouter } from './routers/pipelines/router';
import { notificationsRouter } from './routers/notifications/router';
import { tagsRouter } from './routers/tags/router';
import { tasksRouter } from './routers/tasks/router';
import { timelineRouter } from './routers/timeline/router';
import { invitationsRouter } from './routers/invitations/router';
import { membersRouter } from './routers/members/router';
import { organizationsRouter } from './routers/organizations/router';
import { onboardingRouter } from './routers/onboarding/router';
import { sandboxRouter } from './routers/sandbox/router';
import { searchRouter } from './routers/search/router';
import { ssoRouter } from './routers/sso/router';
import { viewsRouter } from './routers/views/router';
import { webhooksRouter } from './routers/webhooks/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  account: accountRouter,
  organizations: organizationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  apps: appsRouter,
  sso: ssoRouter,
  customers: customersRouter,
  companies: companiesRouter,
  interactions: interactionsRouter,
  orders: ordersRouter,
  pipelines: pipelinesRouter,
  deals: dealsRouter,
  tasks: tasksRouter,
  tags: tagsRouter,
  timeline: timelineRouter,
  notifications: notificationsRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  imports: importsRouter,
  events: eventsRouter,
  webhooks: webhooksRouter,
  views: viewsRouter,
  search: searchRouter,
  onboarding: onboardingRouter,
  sandbox: sandboxRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
