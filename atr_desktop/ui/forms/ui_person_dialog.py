# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(560, 560)
        self.verticalLayout = QVBoxLayout(PersonDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleEditLabel = QLabel(PersonDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(PersonDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(40)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.firstEditLabel = QLabel(PersonDialog)
        self.firstEditLabel.setObjectName(u"firstEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstEditLabel)

        self.firstEdit = QLineEdit(PersonDialog)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setMaxLength(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstEdit)

        self.lastEditLabel = QLabel(PersonDialog)
        self.lastEditLabel.setObjectName(u"lastEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastEditLabel)

        self.lastEdit = QLineEdit(PersonDialog)
        self.lastEdit.setObjectName(u"lastEdit")
        self.lastEdit.setMaxLength(100)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastEdit)

        self.emailEditLabel = QLabel(PersonDialog)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEdit = QLineEdit(PersonDialog)
        self.emailEdit.setObjectName(u"emailEdit")
        self.emailEdit.setMaxLength(254)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.jobEditLabel = QLabel(PersonDialog)
        self.jobEditLabel.setObjectName(u"jobEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.jobEditLabel)

        self.jobEdit = QLineEdit(PersonDialog)
        self.jobEdit.setObjectName(u"jobEdit")
        self.jobEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.jobEdit)

        self.organisationComboLabel = QLabel(PersonDialog)
        self.organisationComboLabel.setObjectName(u"organisationComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.organisationComboLabel)

        self.organisationCombo = QComboBox(PersonDialog)
        self.organisationCombo.setObjectName(u"organisationCombo")
        self.organisationCombo.setEditable(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.organisationCombo)

        self.sectorComboLabel = QLabel(PersonDialog)
        self.sectorComboLabel.setObjectName(u"sectorComboLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sectorComboLabel)

        self.sectorCombo = QComboBox(PersonDialog)
        self.sectorCombo.setObjectName(u"sectorCombo")
        self.sectorCombo.setEditable(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.sectorCombo)

        self.phoneEditLabel = QLabel(PersonDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEdit = QLineEdit(PersonDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(50)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.livedCheckLabel = QLabel(PersonDialog)
        self.livedCheckLabel.setObjectName(u"livedCheckLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.livedCheckLabel)

        self.livedCheck = QCheckBox(PersonDialog)
        self.livedCheck.setObjectName(u"livedCheck")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.livedCheck)

        self.preferencesEditLabel = QLabel(PersonDialog)
        self.preferencesEditLabel.setObjectName(u"preferencesEditLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.preferencesEditLabel)

        self.preferencesEdit = QPlainTextEdit(PersonDialog)
        self.preferencesEdit.setObjectName(u"preferencesEdit")
        self.preferencesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.preferencesEdit)

        self.notesEditLabel = QLabel(PersonDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(PersonDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(PersonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.firstEditLabel.setBuddy(self.firstEdit)
        self.lastEditLabel.setBuddy(self.lastEdit)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.jobEditLabel.setBuddy(self.jobEdit)
        self.organisationComboLabel.setBuddy(self.organisationCombo)
        self.sectorComboLabel.setBuddy(self.sectorCombo)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.livedCheckLabel.setBuddy(self.livedCheck)
        self.preferencesEditLabel.setBuddy(self.preferencesEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"Person", None))
        self.titleEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"Dr, Ms, Mr\u2026", None))
        self.firstEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&First name:", None))
#if QT_CONFIG(accessibility)
        self.firstEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Surname:", None))
#if QT_CONFIG(accessibility)
        self.lastEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Surname", None))
#endif // QT_CONFIG(accessibility)
        self.emailEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Email:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Email address", None))
#endif // QT_CONFIG(accessibility)
        self.jobEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Job title:", None))
#if QT_CONFIG(accessibility)
        self.jobEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.organisationComboLabel.setText(QCoreApplication.translate("PersonDialog", u"&Organisation:", None))
#if QT_CONFIG(accessibility)
        self.organisationCombo.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Organisation", None))
#endif // QT_CONFIG(accessibility)
        self.sectorComboLabel.setText(QCoreApplication.translate("PersonDialog", u"Se&ctor:", None))
#if QT_CONFIG(accessibility)
        self.sectorCombo.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Sector of the organisation", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Phone:", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.livedCheckLabel.setText("")
#if QT_CONFIG(accessibility)
        self.livedCheck.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Lived-experience member", None))
#endif // QT_CONFIG(accessibility)
        self.livedCheck.setText(QCoreApplication.translate("PersonDialog", u"&Lived-experience member (never circulated unless asked)", None))
        self.preferencesEditLabel.setText(QCoreApplication.translate("PersonDialog", u"Contact or &access preferences:", None))
#if QT_CONFIG(accessibility)
        self.preferencesEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Contact or access preferences", None))
#endif // QT_CONFIG(accessibility)
        self.notesEditLabel.setText(QCoreApplication.translate("PersonDialog", u"Private &notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Private notes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.notesEdit.setToolTip(QCoreApplication.translate("PersonDialog", u"Never included in circulated lists unless you ask", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

