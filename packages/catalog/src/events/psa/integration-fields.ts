import { entityId, label } from '../../fields';

export const integrationId = () => entityId('Integration the event is about');

export const integrationProvider = () => label('External system, e.g. quickbooks, xero or ninjaone');

export const connectionId = () => entityId('Authorized connection to the external system');
