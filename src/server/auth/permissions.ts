export * from '@/schemas/permissions';
