import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { homePath } from '@/lib/policy';

export default async function Home() {
  const viewer = await requireViewer();
  redirect(homePath(viewer.role));
}
