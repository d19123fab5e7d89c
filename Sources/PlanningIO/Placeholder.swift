enum PlanningIOPlaceholder {}
