import { getArchive } from "@/lib/data/archive";
import { getLabelsWithCounts } from "@/lib/data/labels";
import { ArchiveWidget } from "./archive-widget";
import { LabelsWidget } from "./labels-widget";
import { SearchForm } from "./search-form";

/** The right-hand column on wide screens, below the content on phones. */
export async function BlogSidebar() {
  const [labels, years] = await Promise.all([getLabelsWithCounts(), getArchive()]);
  return (
    <aside aria-label="Blog sidebar" className="no-print space-y-8">
      <SearchForm id="sidebar-search" label="Search This Blog" />
      <LabelsWidget labels={labels} />
      <ArchiveWidget years={years} />
    </aside>
  );
}
