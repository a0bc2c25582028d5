-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "runId" TEXT;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SimulationRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

