'use client';
// Custom elements live in the browser only: the host app's module loads after hydration.
import { useEffect } from 'react';

export default function Page() {
  useEffect(() => {
    import('../main.js');
  }, []);
  return <main />;
}
