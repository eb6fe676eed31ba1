# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cover_sheet_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_CoverSheetDialog(object):
    def setupUi(self, CoverSheetDialog):
        if not CoverSheetDialog.objectName():
            CoverSheetDialog.setObjectName(u"CoverSheetDialog")
        CoverSheetDialog.resize(560, 680)
        self.verticalLayout = QVBoxLayout(CoverSheetDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(CoverSheetDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(CoverSheetDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.authorLabel = QLabel(CoverSheetDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.authorEdit = QLineEdit(CoverSheetDialog)
        self.authorEdit.setObjectName(u"authorEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.authorEdit)

        self.authorEmailLabel = QLabel(CoverSheetDialog)
        self.authorEmailLabel.setObjectName(u"authorEmailLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.authorEmailLabel)

        self.authorEmailEdit = QLineEdit(CoverSheetDialog)
        self.authorEmailEdit.setObjectName(u"authorEmailEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.authorEmailEdit)

        self.sponsorLabel = QLabel(CoverSheetDialog)
        self.sponsorLabel.setObjectName(u"sponsorLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sponsorLabel)

        self.sponsorEdit = QLineEdit(CoverSheetDialog)
        self.sponsorEdit.setObjectName(u"sponsorEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sponsorEdit)

        self.purposeLabel = QLabel(CoverSheetDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeCombo = QComboBox(CoverSheetDialog)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.summaryLabel = QLabel(CoverSheetDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(CoverSheetDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.recommendationLabel = QLabel(CoverSheetDialog)
        self.recommendationLabel.setObjectName(u"recommendationLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.recommendationLabel)

        self.recommendationEdit = QPlainTextEdit(CoverSheetDialog)
        self.recommendationEdit.setObjectName(u"recommendationEdit")
        self.recommendationEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.recommendationEdit)

        self.risksLabel = QLabel(CoverSheetDialog)
        self.risksLabel.setObjectName(u"risksLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.risksLabel)

        self.risksEdit = QPlainTextEdit(CoverSheetDialog)
        self.risksEdit.setObjectName(u"risksEdit")
        self.risksEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.risksEdit)

        self.equalityLabel = QLabel(CoverSheetDialog)
        self.equalityLabel.setObjectName(u"equalityLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.equalityLabel)

        self.equalityEdit = QPlainTextEdit(CoverSheetDialog)
        self.equalityEdit.setObjectName(u"equalityEdit")
        self.equalityEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.equalityEdit)

        self.previouslyLabel = QLabel(CoverSheetDialog)
        self.previouslyLabel.setObjectName(u"previouslyLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.previouslyLabel)

        self.previouslyEdit = QLineEdit(CoverSheetDialog)
        self.previouslyEdit.setObjectName(u"previouslyEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.previouslyEdit)

        self.appendicesLabel = QLabel(CoverSheetDialog)
        self.appendicesLabel.setObjectName(u"appendicesLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.appendicesLabel)

        self.appendicesEdit = QLineEdit(CoverSheetDialog)
        self.appendicesEdit.setObjectName(u"appendicesEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.appendicesEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.requiredLabel = QLabel(CoverSheetDialog)
        self.requiredLabel.setObjectName(u"requiredLabel")
        self.requiredLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.requiredLabel)

        self.buttonBox = QDialogButtonBox(CoverSheetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.authorLabel.setBuddy(self.authorEdit)
        self.authorEmailLabel.setBuddy(self.authorEmailEdit)
        self.sponsorLabel.setBuddy(self.sponsorEdit)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
        self.recommendationLabel.setBuddy(self.recommendationEdit)
        self.risksLabel.setBuddy(self.risksEdit)
        self.equalityLabel.setBuddy(self.equalityEdit)
        self.previouslyLabel.setBuddy(self.previouslyEdit)
        self.appendicesLabel.setBuddy(self.appendicesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CoverSheetDialog)

        QMetaObject.connectSlotsByName(CoverSheetDialog)
    # setupUi

    def retranslateUi(self, CoverSheetDialog):
        CoverSheetDialog.setWindowTitle(QCoreApplication.translate("CoverSheetDialog", u"Cover sheet", None))
        self.titleLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Paper title", None))
#endif // QT_CONFIG(accessibility)
        self.authorLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"&Author (name, role):", None))
#if QT_CONFIG(accessibility)
        self.authorEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Author", None))
#endif // QT_CONFIG(accessibility)
        self.authorEmailLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"Author's &email:", None))
#if QT_CONFIG(accessibility)
        self.authorEmailEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Author's email", None))
#endif // QT_CONFIG(accessibility)
        self.sponsorLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"&Sponsor or lead:", None))
#if QT_CONFIG(accessibility)
        self.sponsorEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Sponsor or lead", None))
#endif // QT_CONFIG(accessibility)
        self.purposeLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"&Purpose:", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"Executive su&mmary:", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Executive summary", None))
#endif // QT_CONFIG(accessibility)
        self.recommendationLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"&Recommendation:", None))
#if QT_CONFIG(accessibility)
        self.recommendationEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Recommendation", None))
#endif // QT_CONFIG(accessibility)
        self.risksLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"R&isks:", None))
#if QT_CONFIG(accessibility)
        self.risksEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Risks", None))
#endif // QT_CONFIG(accessibility)
        self.equalityLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"E&quality impact:", None))
#if QT_CONFIG(accessibility)
        self.equalityEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Equality, diversity and inclusion impact", None))
#endif // QT_CONFIG(accessibility)
        self.previouslyLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"Pre&viously considered by:", None))
#if QT_CONFIG(accessibility)
        self.previouslyEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Previously considered by", None))
#endif // QT_CONFIG(accessibility)
        self.appendicesLabel.setText(QCoreApplication.translate("CoverSheetDialog", u"Appe&ndices:", None))
#if QT_CONFIG(accessibility)
        self.appendicesEdit.setAccessibleName(QCoreApplication.translate("CoverSheetDialog", u"Appendices", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

