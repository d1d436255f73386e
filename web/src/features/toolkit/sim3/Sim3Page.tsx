import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function Sim3Page() {
  return <PageHeader title="Sim3Page" />;
}
