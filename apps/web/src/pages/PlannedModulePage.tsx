import { PlannedModule } from '../modules/roadmap/components/PlannedModule';
import type { TPlannedModule } from '../modules/roadmap/modules';

export default function PlannedModulePage({ module }: { module: TPlannedModule }) {
  return <PlannedModule module={module} />;
}
