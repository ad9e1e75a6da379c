// Class names shared by the app's plain data tables (transfers, waiting files, trainer kit), so they look alike.
export const tableHeaderCell = "border-b border-slate-300 px-2 py-2 text-left text-sm font-semibold";
/** A body cell whose long file names and texts wrap inside the column. */
export const tableCell = "border-b border-slate-200 px-2 py-2 align-top text-sm [overflow-wrap:break-word]";
