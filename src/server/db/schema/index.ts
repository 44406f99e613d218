export * from './enums';
export * from './identity';
export * from './identity-views';
export * from './customers';
export * from './companies';
export * from './deals';
export * from './interactions';
export * from './orders';
export * from './tasks';
export * from './notifications';
export * from './notification-channels';
export * from './saved-views';
export * from './oauth';
export * from './sso';
export * from './audit';

export * from './webhooks';
