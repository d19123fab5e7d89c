enum GLPKPlaceholder {}
