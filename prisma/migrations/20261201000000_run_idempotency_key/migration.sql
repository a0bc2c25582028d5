-- AlterTable
ALTER TABLE "SimulationRun" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SimulationRun_userId_idempotencyKey_key" ON "SimulationRun"("userId", "idempotencyKey");
