/** Reads for the integrations pages: subscriptions with their delivery counts, and a delivery log. */
import type { Db } from "./client";

export async function webhookSubscriptions(db: Db) {
  const [subscriptions, counts] = await Promise.all([
    db.webhookSubscription.findMany({ orderBy: { createdAt: "desc" }, take: 200 }),
    db.webhookDelivery.groupBy({ by: ["subscriptionId", "status"], _count: { _all: true } }),
  ]);
  return subscriptions.map((subscription) => {
    const mine = counts.filter((c) => c.subscriptionId === subscription.id);
    const count = (status: string) => mine.find((c) => c.status === status)?._count._all ?? 0;
    return {
      ...subscription,
      delivered: count("DELIVERED"),
      pending: count("PENDING"),
      failed: count("FAILED"),
    };
  });
}

export async function webhookWithDeliveries(db: Db, id: string, limit = 100) {
  const subscription = await db.webhookSubscription.findUnique({ where: { id } });
  if (!subscription) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { subscriptionId: id },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      eventId: true,
      eventType: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      lastAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
  return { subscription, deliveries };
}
