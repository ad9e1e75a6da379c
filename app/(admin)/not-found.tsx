import { NotFoundPanel } from "@/components/not-found-panel";

// notFound() in a page of this area: rendered inside the area's layout, which draws the app shell (issue 13).
export default function AreaNotFound() {
  return <NotFoundPanel />;
}
