import { redirect } from 'next/navigation';

/** Settings open on the first of their pages. */
export default function SettingsPage() {
  redirect('/settings/profile');
}
