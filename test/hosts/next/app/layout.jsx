// The Next.js (app router) shell of the host app: the page puts the same elements as ../../app/main.js on it.
export const metadata = { title: 'labelkit host' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
