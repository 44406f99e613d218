import type { ImportKind } from '@/schemas/imports';

/**
 * A small file per kind of import, with the column names the wizard recognises and rows that
 * import as they are: a starting point for people preparing their own spreadsheet.
 */
export const SAMPLE_CSV: Record<ImportKind, { filename: string; csv: string }> = {
  customers: {
    filename: 'sample-customers.csv',
    csv: [
      'First name,Last name,Email,Company,Phone,Status,Tags,City,Country',
      'Maria,Garcia,maria.garcia@northwind.example,Northwind Traders,+1 206 555 0143,active,vip;wholesale,Seattle,US',
      'James,Okafor,james.okafor@brightpath.example,Brightpath Logistics,+44 20 7946 0018,lead,newsletter,London,GB',
      'Sofia,Rossi,sofia.rossi@lumen.example,Lumen Studio,+39 02 5555 0199,inactive,,Milan,IT',
      'Chen,Wei,chen.wei@harbourfoods.example,Harbour Foods,+61 2 5550 1234,churned,retail,Sydney,AU',
      'Priya,Nair,priya.nair@northwind.example,Northwind Traders,+1 206 555 0178,active,,Seattle,US',
    ].join('\n'),
  },
  companies: {
    filename: 'sample-companies.csv',
    csv: [
      'Name,Domain,Industry,Size,Website,Phone,Tags,City,Country',
      'Northwind Traders,northwind.example,Wholesale,51-200,https://northwind.example,+1 206 555 0100,key-account,Seattle,US',
      'Brightpath Logistics,brightpath.example,Logistics,201-1000,https://www.brightpath.example,+44 20 7946 0000,,London,GB',
      'Lumen Studio,lumen.example,Design,1-10,https://lumen.example,+39 02 5555 0100,agency,Milan,IT',
      'Harbour Foods,harbourfoods.example,Food and drink,11-50,https://harbourfoods.example,+61 2 5550 1200,,Sydney,AU',
    ].join('\n'),
  },
  deals: {
    filename: 'sample-deals.csv',
    csv: [
      'Title,Amount,Currency,Stage,Expected close date,Company,Lost reason',
      'Northwind annual licence,"24,000.00",USD,Proposal,2027-03-31,Northwind Traders,',
      'Brightpath fleet pilot,8500,GBP,Qualified,2027-02-15,Brightpath Logistics,',
      'Lumen studio rebrand,"12,750.50",EUR,Won,2026-11-30,Lumen Studio,',
      'Harbour Foods expansion,40000,AUD,Lost,2026-10-01,Harbour Foods,Chose a cheaper supplier',
      'Northwind support plan,3600,USD,Lead in,,Northwind Traders,',
    ].join('\n'),
  },
};
