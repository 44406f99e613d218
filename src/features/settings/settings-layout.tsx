import { SettingsNav } from './settings-nav';

/** Every settings page: the list of them beside (on phones, above) the one shown. */
export function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-6 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-8">
      <SettingsNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
