import type { Interaction } from '@/schemas/interactions';
import type { Audit } from '../../authorize';

/**
 * The audit row and event of a new timeline entry, whatever it is about; an entry with a
 * customer names them, so erasing the customer scrubs the event.
 */
export const auditCreated = (audit: Audit, interaction: Interaction) =>
  audit({
    action: 'interaction.created',
    entityType: 'interaction',
    entityId: interaction.id,
    changes: { after: interaction },
    publish: { data: interaction, customerId: interaction.customerId },
  });
