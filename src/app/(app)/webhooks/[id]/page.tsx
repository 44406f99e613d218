import type { Metadata } from 'next';
import { EndpointPage } from '@/features/webhooks/endpoint-page';

export const metadata: Metadata = { title: 'Webhook endpoint' };

export default async function WebhookEndpointRoute({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  return <EndpointPage id={id} />;
}
